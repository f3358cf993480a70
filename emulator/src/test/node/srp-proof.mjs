// Signs in to a running Cognate with the unmodified amazon-cognito-identity-js, as a browser or Node app would:
// sign up, confirm with the code from Cognate's outbox, authenticateUser (the library's default SRP flow), a wrong
// password; then TOTP MFA: associateSoftwareToken, verifySoftwareToken with a code computed here from the secret
// (RFC 6238: HMAC-SHA1, 30 s, six digits), setUserMfaPreference, a sign-in answering totpRequired, and a wrong code.
// The pool must offer software-token MFA (OPTIONAL). Prints one line per step; exits non-zero at the first step that
// does not hold.
// Usage: COGNATE_ENDPOINT=http://127.0.0.1:9229 POOL_ID=... CLIENT_ID=... node srp-proof.mjs
import { createHmac } from 'node:crypto';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserAttribute,
  CognitoUserPool,
} from 'amazon-cognito-identity-js';

const endpoint = process.env.COGNATE_ENDPOINT;
const poolId = process.env.POOL_ID;
const clientId = process.env.CLIENT_ID;
const username = `node-${Date.now()}`;
const password = 'Passw0rd!';

const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: `${endpoint}/` });

function signUp() {
  const email = new CognitoUserAttribute({ Name: 'email', Value: `${username}@example.com` });
  return new Promise((resolve, reject) =>
    pool.signUp(username, password, [email], null, (err, result) => (err ? reject(err) : resolve(result))));
}

async function outboxCode() {
  const url = `${endpoint}/_cognate/codes?userPoolId=${encodeURIComponent(poolId)}&username=${encodeURIComponent(username)}`;
  const body = await (await fetch(url)).json();
  return body.codes.filter((c) => c.purpose === 'SIGN_UP').at(-1).code;
}

function confirm(user, code) {
  return new Promise((resolve, reject) =>
    user.confirmRegistration(code, true, (err, result) => (err ? reject(err) : resolve(result))));
}

// Signs in; a TOTP challenge is answered with totpCode(), and is an error when no totpCode is given.
function authenticate(user, secret, totpCode) {
  const details = new AuthenticationDetails({ Username: username, Password: secret });
  return new Promise((resolve, reject) => {
    const callbacks = {
      onSuccess: resolve,
      onFailure: reject,
      newPasswordRequired: () => reject(new Error('unexpected NEW_PASSWORD_REQUIRED')),
      mfaRequired: () => reject(new Error('unexpected SMS_MFA')),
      totpRequired: () =>
        totpCode
          ? user.sendMFACode(totpCode(), callbacks, 'SOFTWARE_TOKEN_MFA')
          : reject(new Error('unexpected SOFTWARE_TOKEN_MFA')),
    };
    user.authenticateUser(details, callbacks);
  });
}

function associate(user) {
  return new Promise((resolve, reject) =>
    user.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject }));
}

function verify(user, code) {
  return new Promise((resolve, reject) =>
    user.verifySoftwareToken(code, 'node-proof', { onSuccess: resolve, onFailure: reject }));
}

function preferTotp(user) {
  return new Promise((resolve, reject) =>
    user.setUserMfaPreference(null, { PreferredMfa: true, Enabled: true }, (err, result) =>
      err ? reject(err) : resolve(result)));
}

function base32(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of text.replace(/=+$/, '').toUpperCase()) {
    bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) {
    bytes.push(parseInt(bits.slice(i, i + 8), 2));
  }
  return Buffer.from(bytes);
}

// The current RFC 6238 code for a base32 secret, as an authenticator app shows it.
function totp(secret) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000 / 30)));
  const mac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1000000;
  return String(value).padStart(6, '0');
}

function check(condition, what) {
  if (!condition) {
    throw new Error(`did not hold: ${what}`);
  }
  console.log(`ok: ${what}`);
}

async function main() {
  const signedUp = await signUp();
  check(signedUp.userConfirmed === false, `signed up ${username}, unconfirmed`);
  const user = new CognitoUser({ Username: username, Pool: pool });
  await confirm(user, await outboxCode());
  check(true, 'confirmed with the code from /_cognate/codes');

  const session = await authenticate(user, password);
  check(session.isValid(), 'authenticateUser (USER_SRP_AUTH, PASSWORD_VERIFIER) returned a valid session');
  check(session.getIdToken().decodePayload()['cognito:username'] === username, 'the ID token names the user');

  const refused = await authenticate(new CognitoUser({ Username: username, Pool: pool }), 'Wr0ng-password').then(
    () => null,
    (err) => err,
  );
  check(
    refused !== null && refused.code === 'NotAuthorizedException' && refused.message === 'Incorrect username or password.',
    `a wrong password is refused: ${refused && refused.code}: ${refused && refused.message}`,
  );

  const secret = await associate(user);
  check(/^[A-Z2-7]{16,}$/.test(secret), 'associateSoftwareToken gave a base32 secret');
  const verified = await verify(user, totp(secret));
  check(verified.Status === 'SUCCESS', 'verifySoftwareToken accepted the code computed from the secret');
  await preferTotp(user);
  check(true, 'setUserMfaPreference turned TOTP MFA on, preferred');

  const mfaSession = await authenticate(new CognitoUser({ Username: username, Pool: pool }), password, () => totp(secret));
  check(mfaSession.isValid(), 'authenticateUser answered totpRequired (SOFTWARE_TOKEN_MFA) and returned a valid session');

  const wrongCode = (code) => String((Number(code) + 1) % 1000000).padStart(6, '0');
  const mismatch = await authenticate(new CognitoUser({ Username: username, Pool: pool }), password, () =>
    wrongCode(totp(secret)),
  ).then(
    () => null,
    (err) => err,
  );
  check(
    mismatch !== null && mismatch.code === 'CodeMismatchException' && mismatch.message === 'Invalid code or auth state for the user.',
    `a wrong TOTP code is refused: ${mismatch && mismatch.code}: ${mismatch && mismatch.message}`,
  );
}

main().catch((err) => {
  console.error(`FAILED: ${err.code || ''} ${err.message}`);
  process.exit(1);
});
