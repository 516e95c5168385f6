/** 统一社会信用代码 (GB 32100-2015): 18 characters, the last a mod-31 check character. */
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARS.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  return CHARS[(31 - (sum % 31)) % 31]!;
}

/** The form of a code: 18 digits or capital letters without I, O, Z, S, V (the check character is separate). */
export const CREDIT_CODE_FORM = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

export function isValidCreditCode(code: string): boolean {
  if (!CREDIT_CODE_FORM.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}
