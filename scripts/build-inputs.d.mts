/** SHA-256 of what `npm run build` is made from (see build-inputs.mjs). */
export function buildInputsHash(root: string): string;
