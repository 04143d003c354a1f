import { startIdentity } from './identity-app';
it('openapi', async () => {
  const identity = await startIdentity();
  const r = await identity.service.app.inject({ method: 'GET', url: '/openapi.json' });
  console.log(r.statusCode, Object.keys(r.json().paths), JSON.stringify(r.json().components.schemas).slice(0, 1500));
  await identity.close();
});
