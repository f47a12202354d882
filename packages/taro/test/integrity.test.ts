import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleBuilt, createRealm } from '@dl/conformance/realm';
import { integrityScenarios } from '@dl/demo-testing/integrity-scenarios';
import { expect, it } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

integrityScenarios({
  specifier: '@dl/taro',
  packageDir,
  targetConstant: 'process.env.TARO_ENV',
  wechat: 'weapp',
  web: 'h5',
});

it('React Native (the react-native condition): sha2 is undefined, no hashing code (blob-util hashes)', async () => {
  const code = await bundleBuilt('@dl/taro/integrity', packageDir, { conditions: ['react-native'] });
  expect(createRealm().load<{ sha2: unknown }>(code).sha2).toBeUndefined();
  expect(code).not.toContain('Chosen SHA variant is not supported');
});
