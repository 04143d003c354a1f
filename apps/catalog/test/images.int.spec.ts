import { parseCloudEvent, TOPICS } from '@marketplace/contracts';
import { type Consumer } from '@marketplace/messaging';
import { createLogger, createServiceApp, parseConfig } from '@marketplace/platform';
import { describeEachBackend, waitFor } from '@marketplace/testing';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { AppModule } from '../src/app.module';
import { catalogConfigSchema } from '../src/catalog-config';
import { ImageProcessor } from '../src/images/application/image-processor';
import { caller, type Caller, call, type CatalogTestApp, createCategory, createProduct, expectCall, outboxEvents, startCatalog } from './catalog-app';
import { catalogPathOf, type ImageBackend, imageBackends } from './image-storage-backends';

jest.setTimeout(60_000);

const MAX_BYTES = 200_000;

describeEachBackend('catalog product images', imageBackends(), (backend) => {
  let app: CatalogTestApp;
  let storage: ImageBackend;
  let env: Record<string, string>;
  let seller: Caller;
  let otherSeller: Caller;
  let categoryId: string;
  let consumer: Consumer;
  const onBus: string[] = [];

  beforeAll(async () => {
    storage = backend();
    // The processor is driven by the tests (drain), not by its timer, so each test sees its own outcome.
    env = { ...(await storage.env()), IMAGE_MAX_BYTES: String(MAX_BYTES), IMAGE_PROCESS_INTERVAL_MS: '3600000' };
    app = await startCatalog(env);
    const admin = await caller(app, ['buyer', 'admin']);
    seller = await caller(app, ['buyer', 'seller']);
    otherSeller = await caller(app, ['buyer', 'seller']);
    categoryId = await createCategory(app, admin, `Prints ${randomBytes(3).toString('hex')}`);
    await app.bus.ensureTopics([TOPICS.catalogProduct]);
    consumer = await app.bus.consumer({
      groupId: `catalog-images-test-${randomBytes(4).toString('hex')}`,
      topics: [TOPICS.catalogProduct],
      fromBeginning: true,
      onMessage: async (message) => void onBus.push(message.value.toString('utf8')),
    });
  });

  afterAll(async () => {
    await consumer?.stop();
    await app?.close();
  });

  const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 90 } } }).png().toBuffer();
  const drain = () => app.service.app.get(ImageProcessor).drain();

  async function upload(url: string, bytes: Buffer): Promise<number> {
    if (storage.name === 'local-files') {
      return (await app.service.app.inject({ method: 'PUT', url: catalogPathOf(url), payload: bytes, headers: { 'content-type': 'image/png' } })).statusCode;
    }
    return (await fetch(url, { method: 'PUT', body: new Uint8Array(bytes), headers: { 'content-type': 'image/png' } })).status;
  }

  /** What anyone gets at a public image URL (anonymous reads, as a browser would). */
  async function fetchPublic(url: string): Promise<{ status: number; bytes: Buffer }> {
    if (storage.name === 'local-files') {
      const response = await app.service.app.inject({ method: 'GET', url: catalogPathOf(url) });
      return { status: response.statusCode, bytes: response.rawPayload };
    }
    const response = await fetch(url);
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  async function uploadImage(productId: string, bytes: Buffer): Promise<{ imageId: string; uploadUrl: string }> {
    const requested = (await expectCall(app, 201, 'POST', `/products/${productId}/images`, { as: seller, body: { contentLength: bytes.length } })) as { imageId: string; uploadUrl: string };
    expect(await upload(requested.uploadUrl, bytes)).toBeLessThan(300);
    await expectCall(app, 202, 'POST', `/products/${productId}/images/${requested.imageId}/confirm`, { as: seller });
    return requested;
  }

  const images = async (productId: string) => (await expectCall(app, 200, 'GET', `/products/${productId}/images`, { as: seller })).items as { id: string; status: string; rejection: string | null; thumbnails: { width: number; url: string }[] }[];

  it('turns an uploaded PNG into 200 and 800 px WebP thumbnails in storage, and puts the large one on the product and on the bus', async () => {
    const productId = await createProduct(app, seller, categoryId);
    const { imageId } = await uploadImage(productId, await png(1200, 600));
    expect((await images(productId))[0]).toMatchObject({ id: imageId, status: 'processing', thumbnails: [] });

    expect(await drain()).toBe(1);
    const [image] = await images(productId);
    expect(image).toMatchObject({ id: imageId, status: 'ready', rejection: null });
    for (const { width, url } of image.thumbnails) {
      const fetched = await fetchPublic(url);
      expect(fetched.status).toBe(200);
      expect(await sharp(fetched.bytes).metadata()).toMatchObject({ format: 'webp', width, height: width / 2 });
    }
    const large = image.thumbnails.find((thumbnail) => thumbnail.width === 800)?.url;
    expect(large).toMatch(new RegExp(`/products/${productId}/${imageId}/w800\\.webp$`));
    const product = await expectCall(app, 200, 'GET', `/products/${productId}`, { as: seller });
    expect(product.imageUrls).toEqual([large, 'https://images.example.com/knife.jpg']);
    const updates = (await outboxEvents(app, productId)).filter((event) => event.type === 'marketplace.catalog.ProductUpdated.v1');
    expect(updates.map((event) => (event.data as { imageUrls: string[] }).imageUrls)).toEqual([[large, 'https://images.example.com/knife.jpg']]);
    const published = await waitFor(() => onBus.map((value) => parseCloudEvent(value)).find((event) => event.type === 'marketplace.catalog.ProductUpdated.v1' && event.subject === productId), {
      timeoutMs: 30_000,
      description: "the image's ProductUpdated on the bus",
    });
    expect((published.data as { imageUrls: string[] }).imageUrls[0]).toBe(large);
  });

  it('refuses a file that only claims to be a PNG and deletes its object, leaving the product as it was', async () => {
    const productId = await createProduct(app, seller, categoryId, { imageUrls: [] });
    const { uploadUrl } = await uploadImage(productId, Buffer.from('<html><script>alert(1)</script></html>'));
    expect(await drain()).toBe(1);
    expect((await images(productId))[0]).toMatchObject({ status: 'rejected', rejection: 'not_an_image', thumbnails: [] });
    expect((await fetchPublic(uploadUrl.split('?')[0])).status).toBe(404);
    expect((await expectCall(app, 200, 'GET', `/products/${productId}`, { as: seller })).imageUrls).toEqual([]);
  });

  it('refuses a file over the size limit before its upload, and an upload of another size than declared at the store', async () => {
    const productId = await createProduct(app, seller, categoryId, { imageUrls: [] });
    const tooLarge = await call(app, 'POST', `/products/${productId}/images`, { as: seller, body: { contentLength: MAX_BYTES + 1 } });
    expect([tooLarge.status, tooLarge.body.error?.code]).toEqual([422, 'image_too_large']);
    expect(await images(productId)).toEqual([]);

    // Declared small, sent large: the signed length makes the store (S3 or the local files) refuse the body.
    const small = await png(10, 10);
    const requested = (await expectCall(app, 201, 'POST', `/products/${productId}/images`, { as: seller, body: { contentLength: small.length } })) as { imageId: string; uploadUrl: string };
    expect(await upload(requested.uploadUrl, Buffer.concat([small, randomBytes(MAX_BYTES)]))).toBe(storage.name === 'local-files' ? 413 : 403);
    expect(await upload(requested.uploadUrl, small.subarray(1))).toBe(403);
    expect((await call(app, 'POST', `/products/${productId}/images/${requested.imageId}/confirm`, { as: seller })).body.error?.code).toBe('image_not_uploaded');
    expect(await upload(requested.uploadUrl, small)).toBeLessThan(300);
    await expectCall(app, 202, 'POST', `/products/${productId}/images/${requested.imageId}/confirm`, { as: seller });
    expect(await drain()).toBe(1);
    expect((await images(productId))[0]).toMatchObject({ id: requested.imageId, status: 'ready' });
  });

  it("refuses another seller's upload, confirmation, removal and reordering with 403", async () => {
    const productId = await createProduct(app, seller, categoryId);
    await expectCall(app, 200, 'POST', `/products/${productId}/publish`, { as: seller });
    const { imageId } = (await expectCall(app, 201, 'POST', `/products/${productId}/images`, { as: seller, body: { contentLength: 100 } })) as { imageId: string };
    const attempts = [
      await call(app, 'POST', `/products/${productId}/images`, { as: otherSeller, body: { contentLength: 100 } }),
      await call(app, 'POST', `/products/${productId}/images/${imageId}/confirm`, { as: otherSeller }),
      await call(app, 'PUT', `/products/${productId}/images/order`, { as: otherSeller, body: { imageIds: [imageId] } }),
    ];
    expect(attempts.map((attempt) => [attempt.status, attempt.body.error?.code])).toEqual(Array(3).fill([403, 'not_product_owner']));
    expect((await app.service.app.inject({ method: 'DELETE', url: `/products/${productId}/images/${imageId}`, headers: { authorization: `Bearer ${otherSeller.token}` } })).statusCode).toBe(403);
    expect(await images(productId)).toHaveLength(1);
  });

  it('reorders the images and removes one, the product following each change', async () => {
    const productId = await createProduct(app, seller, categoryId, { imageUrls: [] });
    const first = await uploadImage(productId, await png(400, 400));
    const second = await uploadImage(productId, await png(300, 300));
    expect(await drain()).toBe(2);
    const urlOf = async (imageId: string) => (await images(productId)).find((image) => image.id === imageId)?.thumbnails[1].url ?? '';
    const [firstUrl, secondUrl] = [await urlOf(first.imageId), await urlOf(second.imageId)];
    expect((await expectCall(app, 200, 'GET', `/products/${productId}`, { as: seller })).imageUrls).toEqual([firstUrl, secondUrl]);

    const reordered = await expectCall(app, 200, 'PUT', `/products/${productId}/images/order`, { as: seller, body: { imageIds: [second.imageId, first.imageId] } });
    expect((reordered.items as { id: string }[]).map((image) => image.id)).toEqual([second.imageId, first.imageId]);
    expect((await expectCall(app, 200, 'GET', `/products/${productId}`, { as: seller })).imageUrls).toEqual([secondUrl, firstUrl]);

    const removed = await app.service.app.inject({ method: 'DELETE', url: `/products/${productId}/images/${second.imageId}`, headers: { authorization: `Bearer ${seller.token}` } });
    expect(removed.statusCode).toBe(204);
    expect((await expectCall(app, 200, 'GET', `/products/${productId}`, { as: seller })).imageUrls).toEqual([firstUrl]);
    expect((await fetchPublic(secondUrl)).status).toBe(404);
    expect((await fetchPublic(firstUrl)).status).toBe(200);
  });

  it('leaves a confirmed image to any instance: another catalog on the same database finishes it with its own poller', async () => {
    const productId = await createProduct(app, seller, categoryId);
    const { imageId } = await uploadImage(productId, await png(300, 200));
    const config = parseConfig(catalogConfigSchema, { SERVICE_NAME: 'catalog', PORT: '0', DATABASE_URL: app.database.url, JWKS_URL: app.issuer.jwksUrl, ...env, IMAGE_PROCESS_INTERVAL_MS: '100' });
    const next = await createServiceApp(AppModule, config, createLogger({ service: 'catalog', level: 'silent' }));
    try {
      await waitFor(async () => ((await images(productId)).find((image) => image.id === imageId)?.status === 'ready' ? true : undefined), { timeoutMs: 20_000, description: 'the image ready' });
    } finally {
      await next.app.close();
    }
  });

  it('forgets a slot whose upload was never confirmed once its URL has long expired, so it no longer counts', async () => {
    const productId = await createProduct(app, seller, categoryId);
    const bytes = await png(10, 10);
    const { imageId, uploadUrl } = (await expectCall(app, 201, 'POST', `/products/${productId}/images`, { as: seller, body: { contentLength: bytes.length } })) as { imageId: string; uploadUrl: string };
    expect(await upload(uploadUrl, bytes)).toBeLessThan(300);
    const fresh = (await expectCall(app, 201, 'POST', `/products/${productId}/images`, { as: seller, body: { contentLength: bytes.length } })) as { imageId: string };
    await app.db('product_images').where({ id: imageId }).update({ created_at: new Date(Date.now() - 3 * 600_000) });

    expect(await drain()).toBe(0);
    expect((await images(productId)).map((image) => image.id)).toEqual([fresh.imageId]);
    expect((await fetchPublic(uploadUrl.split('?')[0])).status).toBe(404);
  });

  it('answers bad requests with 4xx in the standard format: a forged upload signature or length, no size declared, confirming before the upload, an unknown image, a wrong order, a bad body or id', async () => {
    const productId = await createProduct(app, seller, categoryId);
    const bytes = await png(10, 10);
    const { imageId, uploadUrl } = (await expectCall(app, 201, 'POST', `/products/${productId}/images`, { as: seller, body: { contentLength: bytes.length } })) as { imageId: string; uploadUrl: string };
    if (storage.name === 'local-files') {
      for (const forgery of [(url: string) => url.replace(/signature=[^&]+/, 'signature=forged'), (url: string) => url.replace(/length=\d+/, `length=${MAX_BYTES}`)]) {
        const forged = await app.service.app.inject({ method: 'PUT', url: forgery(catalogPathOf(uploadUrl)), payload: bytes, headers: { 'content-type': 'image/png' } });
        expect([forged.statusCode, forged.json().error.code]).toEqual([403, 'upload_url_invalid']);
      }
    }
    for (const body of [undefined, {}, { contentLength: 0 }, { contentLength: '12' }, { contentLength: 1.5 }]) {
      const refused = await call(app, 'POST', `/products/${productId}/images`, { as: seller, body });
      expect([refused.status, refused.body.error?.code]).toEqual([400, 'validation_failed']);
    }
    const notUploaded = await call(app, 'POST', `/products/${productId}/images/${imageId}/confirm`, { as: seller });
    expect([notUploaded.status, notUploaded.body.error?.code]).toEqual([409, 'image_not_uploaded']);
    const unknown = await call(app, 'POST', `/products/${productId}/images/${productId}/confirm`, { as: seller });
    expect([unknown.status, unknown.body.error?.code]).toEqual([404, 'image_not_found']);
    const badOrder = await call(app, 'PUT', `/products/${productId}/images/order`, { as: seller, body: { imageIds: [productId] } });
    expect([badOrder.status, badOrder.body.error?.code]).toEqual([422, 'invalid_image_order']);
    expect((await call(app, 'PUT', `/products/${productId}/images/order`, { as: seller, body: { imageIds: 'all' } })).status).toBe(400);
    expect((await call(app, 'POST', `/products/not-a-uuid/images`, { as: seller, body: { contentLength: 10 } })).status).toBe(400);
  });
});
