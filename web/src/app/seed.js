// The seed box: text as typed in the game (hashed by the service, the game's own hash) or, with "int" ticked,
// the world's int seed itself.
import { hashSeed } from './api.js';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * Resolves what the user typed to { text?, seedInt }: text through GET /api/v1/seed (whose problem detail, e.g.
 * a seed text too long, is thrown as the message to show); an int checked here.
 */
export async function resolveSeed(input, asInt, signal) {
  if (asInt) {
    return { seedInt: parseSeedInt(input) };
  }
  const answer = await hashSeed(input, signal);
  return { text: answer.seed, seedInt: answer.seedInt };
}

/** The int seed typed, or an Error saying what to type instead. */
export function parseSeedInt(input) {
  const trimmed = input.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) {
    throw new Error(`“${input}” is not a whole number; type the world's int seed (e.g. 1706363555), or untick “int” to use seed text.`);
  }
  const value = Number(trimmed);
  if (value < INT32_MIN || value > INT32_MAX) {
    throw new Error(`${trimmed} is outside the int seed range ${INT32_MIN}..${INT32_MAX}; untick “int” to use it as seed text.`);
  }
  return value;
}

/** How a seed reads on the page: its text and int, or just the int. */
export function describeSeed(seed) {
  return seed.text !== undefined ? `“${seed.text}” (${seed.seedInt})` : String(seed.seedInt);
}
