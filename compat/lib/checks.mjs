// The checks of the compat scripts: one line per check ("ok   name" or "FAIL name: why"), then "N passed, M failed"
// and an exit status that says whether all passed.
let passed = 0;
let failed = 0;

/** Runs one check; a thrown error fails it, and the next check runs all the same. */
export async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    const cause = e && e.cause ? `\n  cause: ${e.cause.stack || e.cause}` : '';
    console.log(`FAIL ${name}: ${e && e.stack ? e.stack : e}${cause}`);
  }
}

/** Throws unless actual and expected are equal as JSON. */
export function expect(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** A variable of the org's local-org.env, which the run script put in the environment. */
export function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: source the local org's local-org.env first`);
  return value;
}

/** Prints the totals and exits: 0 when every check passed. */
export function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}
