// Signs in to a running Cognate with the unmodified amazon-cognito-identity-js, as a browser or Node app would:
// sign up, confirm with the code from Cognate's outbox, authenticateUser (the library's default SRP flow), then a
// wrong password. Prints one line per step; exits non-zero at the first step that does not hold.
// Usage: COGNATE_ENDPOINT=http://127.0.0.1:9229 POOL_ID=... CLIENT_ID=... node srp-proof.mjs
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

function authenticate(user, secret) {
  const details = new AuthenticationDetails({ Username: username, Password: secret });
  return new Promise((resolve, reject) =>
    user.authenticateUser(details, {
      onSuccess: resolve,
      onFailure: reject,
      newPasswordRequired: () => reject(new Error('unexpected NEW_PASSWORD_REQUIRED')),
    }));
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
}

main().catch((err) => {
  console.error(`FAILED: ${err.code || ''} ${err.message}`);
  process.exit(1);
});
