import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { integrityScenarios } from '@dl/demo-testing/integrity-scenarios';

integrityScenarios({
  specifier: '@dl/uni',
  packageDir: join(dirname(fileURLToPath(import.meta.url)), '..'),
  targetConstant: 'process.env.UNI_PLATFORM',
  wechat: 'mp-weixin',
  web: 'h5',
});
