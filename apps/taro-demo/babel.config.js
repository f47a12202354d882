// Taro's Babel preset, as `taro init` writes it. It compiles src/ only: Taro leaves node_modules (and so dl)
// as published.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
