/** The project's root directory. */
export const ROOT: string;
/** The directory of a compiled copy of the folders (default `src`), made now if the sources changed. */
export function compiledCopy(folders?: string[]): Promise<string>;
