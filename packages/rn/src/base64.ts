const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * A hex digest (what React Native file libraries return) as base64 (what Subresource Integrity compares),
 * written out here because older React Native has neither `atob`/`btoa` nor `Buffer`.
 */
export function hexToBase64(hex: string): string {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new Error(`not a hex digest: ${hex}`);
  let out = '';
  // Three bytes (six hex digits) make four base64 digits; a short last group is padded with `=`.
  for (let i = 0; i < hex.length; i += 6) {
    const group = hex.slice(i, i + 6);
    const bytes = group.length / 2;
    const bits = parseInt(`${group}000000`.slice(0, 6), 16);
    for (let digit = 0; digit < 4; digit++) {
      out += digit <= bytes ? ALPHABET.charAt((bits >> (18 - 6 * digit)) & 63) : '=';
    }
  }
  return out;
}
