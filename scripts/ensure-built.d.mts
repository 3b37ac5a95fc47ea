/** Hex SHA-256 over the path and content of every input of the build, in a fixed order. */
export function inputsHash(root?: string): string;
/** Build dist/ (or `out`) unless it was built from these very sources. */
export function ensureBuilt(out?: string): void;
