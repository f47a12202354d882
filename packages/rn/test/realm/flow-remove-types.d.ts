// flow-remove-types ships no types; the one call the realm tests make.
declare module 'flow-remove-types' {
  export default function flowRemoveTypes(
    source: string,
    options?: { all?: boolean; pretty?: boolean },
  ): {
    toString(): string;
  };
}
