// jsforce's Bulk API 2.0 client, unmodified, against a running kinetic local org. Reads the org's credentials from the
// environment (the lines of its local-org.env) and prints one line per check, then "N passed, M failed".
import fs from 'node:fs';
import jsforce from 'jsforce';
import jwt from 'jsonwebtoken';
import { check, env, expect, finish } from '../lib/checks.mjs';

const loginUrl = env('SF_LOGIN_URL');
const ROWS = Number(process.env.KINETIC_SMOKE_ROWS || 120000);
// jsforce 3.10's bulk2.query pipes every result page into one CSV parser without waiting for the previous page to
// drain, so results of more than one page (50,000 rows by default) interleave and fail to parse ("Invalid Closing
// Quote"), against Salesforce as here (jsforce issues 1739/1740, forcedotcom/cli 3103). The queries below select
// fewer rows than one page.
const SMALL = 'NumberOfEmployees < 100';
const polling = { pollInterval: 200, pollTimeout: 120000 };

// jsforce 3.10 has no JWT builder of its own: its JWT bearer login is Connection.authorize with the grant type and an
// assertion the caller signs, which Node.js code does with jsonwebtoken (as @salesforce/core does for the CLI). Its
// defaults add typ: JWT to the header and iat to the claims; exp is seconds, three minutes ahead.
function jwtAssertion() {
  return jwt.sign({}, fs.readFileSync(env('SF_PRIVATE_KEY_PATH')), {
    algorithm: 'RS256', issuer: env('SF_CLIENT_ID'), subject: env('SF_USERNAME'), audience: loginUrl, expiresIn: '3m',
  });
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

await check('JWT bearer login (Connection.authorize with a jsonwebtoken assertion)', async () => {
  const other = new jsforce.Connection({ oauth2: { clientId: env('SF_CLIENT_ID'), loginUrl }, version: '62.0' });
  const info = await other.authorize({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    assertion: jwtAssertion() });
  expect(other.accessToken.startsWith('00D'), true, 'access token shape');
  expect(other.instanceUrl, loginUrl, 'instance URL');
  expect(info.organizationId, conn.userInfo.organizationId, 'organization id');
  expect(info.id, conn.userInfo.id, 'user id');
  const me = await other.query('SELECT Username FROM User');
  expect(me.records.map((r) => r.Username), [env('SF_USERNAME')], 'a REST call with the JWT login\'s token');
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

await check('REST conn.query, then conn.queryMore through every nextRecordsUrl (more than 2,000 records)', async () => {
  const soql = 'SELECT Id, Name, External_Key__c, NumberOfEmployees, Phone FROM Account WHERE NumberOfEmployees < 20';
  const expected = [...model.entries()].filter(([, r]) => r.employees !== null && r.employees < 20 && !r.deleted);
  if (expected.length <= 2000) throw new Error(`only ${expected.length} records: one page`);
  let page = await conn.query(soql, { autoFetch: false });
  const records = [...page.records];
  let pages = 1;
  while (!page.done) {
    // jsforce keeps the locator of the org's nextRecordsUrl and rebuilds the URL on the instance URL.
    expect(/\/services\/data\/v62\.0\/query\/01g[0-9A-Za-z]{15}-\d+$/.test(page.nextRecordsUrl), true,
      `nextRecordsUrl ${page.nextRecordsUrl}`);
    page = await conn.queryMore(page.nextRecordsUrl);
    records.push(...page.records);
    pages++;
  }
  expect(page.totalSize, expected.length, 'totalSize');
  expect(pages, Math.ceil(expected.length / 2000), 'pages of 2,000');
  expect(records.length, expected.length, 'records');
  const byKey = new Map(records.map((r) => [r.External_Key__c, r]));
  for (const [key, r] of expected) {
    const got = byKey.get(key);
    // REST values are typed: NumberOfEmployees is a JSON number, an empty Phone is null.
    if (!got || got.Name !== r.name || got.NumberOfEmployees !== r.employees || (got.Phone ?? '') !== r.phone
        || got.attributes.type !== 'Account' || got.attributes.url !== `/services/data/v62.0/sobjects/Account/${got.Id}`) {
      throw new Error(`record ${key}: expected ${JSON.stringify(r)}, got ${JSON.stringify(got)}`);
    }
  }
});

await check("conn.sobject('Account').describe() describes the schema the org enforces", async () => {
  const d = await conn.sobject('Account').describe();
  expect([d.name, d.keyPrefix, d.createable, d.queryable], ['Account', '001', true, true], 'object');
  const field = (name) => {
    const f = d.fields.find((x) => x.name === name);
    if (!f) throw new Error(`no field ${name}`);
    return f;
  };
  const key = field('External_Key__c');
  expect([key.type, key.externalId, key.unique, key.custom, key.idLookup], ['string', true, true, true, true],
    'External_Key__c');
  const name = field('Name');
  expect([name.type, name.nillable, name.createable, name.nameField], ['string', false, true, true], 'Name');
  const regions = field('Regions__c');
  expect([regions.type, regions.restrictedPicklist, regions.picklistValues.map((p) => p.value)],
    ['multipicklist', true, ['EMEA', 'AMER', 'APAC', 'LATAM']], 'Regions__c');
  expect(field('NumberOfEmployees').type, 'int', 'NumberOfEmployees');
  // What the describe lists is what the org enforces: every field it says can be queried can be selected, and a
  // value the describe's restricted picklist lacks is refused on write.
  const selectable = d.fields.filter((f) => f.type !== 'address' && f.type !== 'location').map((f) => f.name);
  const one = await conn.query(`SELECT ${selectable.join(', ')} FROM Account LIMIT 1`);
  expect(Object.keys(one.records[0]).filter((k) => k !== 'attributes').length, selectable.length, 'selected fields');
  const bad = await conn.bulk2.loadAndWaitForResults({ object: 'Account', operation: 'insert',
    input: 'Name,Regions__c\nPicklist check,MARS\n', ...polling });
  expect(bad.failedResults.length, 1, 'a value outside the restricted picklist is refused');
  expect(bad.failedResults[0].sf__Error.startsWith('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'), true,
    bad.failedResults[0].sf__Error);
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

finish();
