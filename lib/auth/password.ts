import bcrypt from "bcryptjs";

/** bcrypt cost: about a quarter of a second per hash on this hardware, which is the point. */
const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  // Compare against a fixed hash when the account has none, so timing does not reveal which accounts exist.
  return bcrypt.compare(password, hash ?? DUMMY_HASH);
}

const DUMMY_HASH = "$2b$11$CwTycUXWue0Thq9StjUM0uJ8ZbqU3Vd8jX1Kx5z7oWQ3m1b7mS2a6";
