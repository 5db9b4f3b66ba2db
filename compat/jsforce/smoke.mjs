// jsforce's Bulk API 2.0 client, unmodified, against a running kinetic local org. Reads the org's credentials from the
// environment (the lines of its local-org.env) and prints one line per check, then "N passed, M failed".
import crypto from 'node:crypto';
import fs from 'node:fs';
import jsforce from 'jsforce';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: source the local org's local-org.env first`);
  return value;
};
const loginUrl = env('SF_LOGIN_URL');
const ROWS = Number(process.env.KINETIC_SMOKE_ROWS || 120000);
// jsforce 3.10's bulk2.query pipes every result page into one CSV parser without waiting for the previous page to
// drain, so results of more than one page (50,000 rows by default) interleave and fail to parse ("Invalid Closing
// Quote"), against Salesforce as here (jsforce issues 1739/1740, forcedotcom/cli 3103). The queries below select
// fewer rows than one page.
const SMALL = 'NumberOfEmployees < 100';
const polling = { pollInterval: 200, pollTimeout: 120000 };
let passed = 0;
let failed = 0;

async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e && e.stack ? e.stack : e}`);
  }
}

function expect(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

function jwtAssertion() {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${b64({ alg: 'RS256' })}.${b64({
    iss: env('SF_CLIENT_ID'), sub: env('SF_USERNAME'), aud: loginUrl, exp: Math.floor(Date.now() / 1000) + 120,
  })}`;
  const signature = crypto.sign('RSA-SHA256', Buffer.from(body), fs.readFileSync(env('SF_PRIVATE_KEY_PATH')));
  return `${body}.${signature.toString('base64url')}`;
}

const conn = new jsforce.Connection({
  oauth2: { clientId: env('SF_CLIENT_ID'), clientSecret: env('SF_CLIENT_SECRET'), loginUrl },
  version: '62.0',
});

await check('password login (OAuth username-password flow)', async () => {
  const info = await conn.login(env('SF_USERNAME'), env('SF_PASSWORD') + env('SF_SECURITY_TOKEN'));
  expect(conn.accessToken.startsWith('00D'), true, 'access token shape');
  expect(info.organizationId.startsWith('00D'), true, 'organization id');
  expect(conn.instanceUrl, loginUrl, 'instance URL');
});

await check('JWT bearer login', async () => {
  const other = new jsforce.Connection({ oauth2: { clientId: env('SF_CLIENT_ID'), loginUrl }, version: '62.0' });
  await other.authorize({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: jwtAssertion() });
  expect(other.accessToken.startsWith('00D'), true, 'access token shape');
});

const keys = [];
let csv = 'Name,External_Key__c,NumberOfEmployees\n';
for (let i = 0; i < ROWS; i++) {
  const key = `JSF-${i}`;
  keys.push(key);
  // Row 7 has no Name: Salesforce fails it with REQUIRED_FIELD_MISSING; row 11's name needs CSV quoting.
  const name = i === 7 ? '' : i === 11 ? '"Quote ""and"", comma"' : `jsforce ${i}`;
  csv += `${name},${key},${i % 500}\n`;
}
// What the org should hold, kept alongside: key -> { employees, name, phone, deleted }.
const model = new Map();
const inSmall = (r) => r.employees !== null && r.employees < 100;
let inserted = [];

await check(`bulk2 insert of ${ROWS} rows with loadAndWaitForResults`, async () => {
  const res = await conn.bulk2.loadAndWaitForResults({ object: 'Account', operation: 'insert', input: csv, ...polling });
  expect(res.successfulResults.length, ROWS - 1, 'successful results');
  expect(res.failedResults.length, 1, 'failed results');
  expect(res.unprocessedRecords.length, 0, 'unprocessed records');
  const bad = res.failedResults[0];
  expect(bad.External_Key__c, 'JSF-7', 'failed row');
  expect(bad.sf__Error.startsWith('REQUIRED_FIELD_MISSING:Required fields are missing: [Name]'), true, bad.sf__Error);
  const quoted = res.successfulResults.find((r) => r.External_Key__c === 'JSF-11');
  expect(quoted.Name, 'Quote "and", comma', 'quoted name echoed');
  expect(/^001[0-9A-Za-z]{15}$/.test(res.successfulResults[0].sf__Id), true, 'record id shape');
  expect(res.successfulResults[0].sf__Created, 'true', 'sf__Created');
  inserted = res.successfulResults;
  for (const r of inserted) {
    model.set(r.External_Key__c, { employees: Number(r.NumberOfEmployees), name: r.Name, phone: '', deleted: false });
  }
});

await check('bulk2 upsert on External_Key__c creates and updates', async () => {
  const res = await conn.bulk2.loadAndWaitForResults({
    object: 'Account', operation: 'upsert', externalIdFieldName: 'External_Key__c',
    input: 'External_Key__c,Name\nJSF-0,Renamed by upsert\nJSF-NEW,Created by upsert\n', ...polling,
  });
  expect(res.successfulResults.length, 2, 'successful results');
  const byKey = Object.fromEntries(res.successfulResults.map((r) => [r.External_Key__c, r]));
  expect(byKey['JSF-0'].sf__Created, 'false', 'existing key updated');
  expect(byKey['JSF-0'].sf__Id, inserted.find((r) => r.External_Key__c === 'JSF-0').sf__Id, 'same record');
  expect(byKey['JSF-NEW'].sf__Created, 'true', 'new key created');
  model.get('JSF-0').name = 'Renamed by upsert';
  model.set('JSF-NEW', { employees: null, name: 'Created by upsert', phone: '', deleted: false });
});

await check('bulk2 update by Id, with a malformed id failing', async () => {
  const rows = inserted.slice(1, 11).map((r) => ({ Id: r.sf__Id, Phone: '+39 02 4242' }));
  rows.push({ Id: 'not-an-id', Phone: '1' });
  const res = await conn.bulk2.loadAndWaitForResults({ object: 'Account', operation: 'update', input: rows, ...polling });
  expect(res.successfulResults.length, 10, 'successful results');
  expect(res.failedResults.length, 1, 'failed results');
  expect(res.failedResults[0].sf__Error.startsWith('MALFORMED_ID:'), true, res.failedResults[0].sf__Error);
  for (const r of inserted.slice(1, 11)) model.get(r.External_Key__c).phone = '+39 02 4242';
});

await check('bulk2 query returns the saved records as they were saved', async () => {
  const records = await (await conn.bulk2.query(
    `SELECT Id, Name, External_Key__c, NumberOfEmployees, Phone FROM Account WHERE ${SMALL}`, polling)).toArray();
  const expected = [...model.entries()].filter(([, r]) => inSmall(r) && !r.deleted);
  expect(records.length, expected.length, 'records');
  const byKey = new Map(records.map((r) => [r.External_Key__c, r]));
  for (const [key, r] of expected) {
    const got = byKey.get(key);
    if (!got || got.Name !== r.name || got.Phone !== r.phone || Number(got.NumberOfEmployees) !== r.employees) {
      throw new Error(`record ${key}: expected ${JSON.stringify(r)}, got ${JSON.stringify(got)}`);
    }
  }
  expect(byKey.has('JSF-7'), false, 'failed row not saved');
});

await check('bulk2 delete, then queryAll (scanAll) still sees the deleted records', async () => {
  const gone = inserted.slice(0, 100);
  const res = await conn.bulk2.loadAndWaitForResults({
    object: 'Account', operation: 'delete', input: gone.map((r) => ({ Id: r.sf__Id })), ...polling,
  });
  expect(res.successfulResults.length, gone.length, 'deleted');
  for (const r of gone) model.get(r.External_Key__c).deleted = true;
  const small = [...model.values()].filter(inSmall);
  const live = await (await conn.bulk2.query(`SELECT Id FROM Account WHERE ${SMALL}`, polling)).toArray();
  expect(live.length, small.filter((r) => !r.deleted).length, 'live records');
  const all = await (await conn.bulk2.query(`SELECT Id, IsDeleted FROM Account WHERE ${SMALL}`,
    { ...polling, scanAll: true })).toArray();
  expect(all.length, small.length, 'records with the recycle bin');
  expect(all.filter((r) => r.IsDeleted === 'true').length, small.filter((r) => r.deleted).length, 'deleted records');
});

await check('a bad SOQL query is refused with Salesforce\'s error', async () => {
  try {
    await (await conn.bulk2.query('SELECT Nope FROM Account', polling)).toArray();
    throw new Error('the query was accepted');
  } catch (e) {
    expect(String(e.message || e).includes('Nope'), true, `error names the field: ${e.message}`);
  }
});

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
