// Signs in to a running Cognate with the unmodified AWS Amplify v6, configured with `userPoolEndpoint`: signUp,
// confirmSignUp with the code from Cognate's outbox, signIn (Amplify's default flow, USER_SRP_AUTH),
// fetchAuthSession, and a wrong password refused. Prints one line per step; exits non-zero at the first step that
// does not hold.
// Usage: COGNATE_ENDPOINT=http://127.0.0.1:9229 POOL_ID=... CLIENT_ID=... node amplify-proof.mjs
import { Amplify } from 'aws-amplify';
import { confirmSignUp, fetchAuthSession, signIn, signOut, signUp } from 'aws-amplify/auth';

const endpoint = process.env.COGNATE_ENDPOINT;
const poolId = process.env.POOL_ID;
const clientId = process.env.CLIENT_ID;
const username = `amplify-${Date.now()}`;
const password = 'Passw0rd!';

Amplify.configure({
  Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: endpoint } },
});

async function outboxCode() {
  const url = `${endpoint}/_cognate/codes?userPoolId=${encodeURIComponent(poolId)}&username=${encodeURIComponent(username)}`;
  const body = await (await fetch(url)).json();
  return body.codes.filter((c) => c.purpose === 'SIGN_UP').at(-1).code;
}

async function step(name, action) {
  try {
    const detail = await action();
    console.log(`ok: ${name}${detail ? ` (${detail})` : ''}`);
  } catch (e) {
    console.log(`FAILED: ${name}: ${e.name}: ${e.message}`);
    process.exit(1);
  }
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

await step('signUp', async () => {
  const result = await signUp({ username, password, options: { userAttributes: { email: `${username}@example.com` } } });
  expect(result.nextStep.signUpStep === 'CONFIRM_SIGN_UP', `next step ${result.nextStep.signUpStep}`);
  return `next step ${result.nextStep.signUpStep}`;
});

await step('confirmSignUp with the outbox code', async () => {
  const result = await confirmSignUp({ username, confirmationCode: await outboxCode() });
  expect(result.isSignUpComplete, `sign-up not complete: ${JSON.stringify(result.nextStep)}`);
});

await step('signIn (USER_SRP_AUTH)', async () => {
  const result = await signIn({ username, password });
  expect(result.isSignedIn, `not signed in: ${JSON.stringify(result.nextStep)}`);
  return `next step ${result.nextStep.signInStep}`;
});

await step('fetchAuthSession', async () => {
  const { tokens } = await fetchAuthSession();
  expect(tokens?.accessToken && tokens?.idToken, 'no tokens in the session');
  expect(tokens.idToken.payload['cognito:username'] === username, `id token for ${tokens.idToken.payload['cognito:username']}`);
  return `id token for ${tokens.idToken.payload['cognito:username']}`;
});

await step('signOut', () => signOut());

await step('wrong password refused', async () => {
  try {
    await signIn({ username, password: 'wrong-password' });
  } catch (e) {
    expect(e.name === 'NotAuthorizedException', `${e.name}: ${e.message}`);
    return `${e.name}: ${e.message}`;
  }
  throw new Error('signed in with a wrong password');
});
