import { runConformance } from '@dl/conformance';
import { createWxEmulator } from '@dl/weapp-emulator';
import { emulatorTarget } from '../support/emulator-target';
import { bundleBoth, realmDownloader } from './built-weapp';

// As on iOS 15 and earlier: the realm's Promise runs its jobs as ordinary tasks, not microtasks. The
// contract's event order must hold all the same.
const code = await bundleBoth();
runConformance(
  await emulatorTarget(
    'weapp (built, wx realm, Promise jobs as tasks)',
    createWxEmulator,
    realmDownloader(code, 'wx', true),
  ),
);
