/** The command-line options every bench entry reads: `--quick`, `--rounds=N`, `--max-wait=MIN`, `--no-write`. */
const args = process.argv.slice(2);
export const flag = (name: string) => args.includes(`--${name}`);
export const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];

export const quick = flag('quick');
export const rounds = Number(option('rounds') ?? (quick ? 2 : 5));
/** Minutes to wait for a quiet machine before measuring anyway. */
export const maxWait = Number(option('max-wait') ?? (quick ? 0 : 10));
