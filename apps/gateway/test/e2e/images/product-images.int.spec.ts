import { GetObjectCommand, NoSuchKey, type S3Client } from '@aws-sdk/client-s3';
import { createS3Bucket, describeEachBackend, s3Backend, s3Client, waitFor } from '@marketplace/testing';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { errorBodySchema } from '../support/error-body';
import type { HttpAnswer } from '../support/http-client';
import { MarketplaceActors } from '../support/marketplace-actors';
import { MarketplaceStack } from '../support/marketplace-stack';
import { expectOk } from '../support/users';

jest.setTimeout(180_000);

const MAX_BYTES = 200_000;

interface ImageView {
  id: string;
  status: string;
  rejection: string | null;
  thumbnails: { width: number; url: string }[];
}

// Identity, catalog, search and the gateway as processes on PostgreSQL and Kafka, the catalog's images in a SeaweedFS bucket of this run's own.
describeEachBackend('gateway product images', [s3Backend()], (backend) => {
  let stack: MarketplaceStack;
  let bucket: S3Client;
  let bucketName: string;
  let bucketBaseUrl: string;
  let seller: { token: string };
  let otherSeller: { token: string };
  let buyer: { token: string };
  let categoryId: string;

  beforeAll(async () => {
    const infra = backend();
    const s3 = await createS3Bucket(infra, 'gateway-images');
    bucketName = s3.S3_BUCKET;
    bucketBaseUrl = `${s3.S3_ENDPOINT}/${bucketName}`;
    bucket = s3Client(infra);
    stack = await MarketplaceStack.start({
      label: 'product_images',
      services: ['catalog', 'search'],
      env: {
        catalog: { ...s3, IMAGE_PUBLIC_BASE_URL: bucketBaseUrl, IMAGE_MAX_BYTES: String(MAX_BYTES), IMAGE_PROCESS_INTERVAL_MS: '200' },
        // Search by words is what this spec reads; no embedding model to load.
        search: { SEARCH_EMBEDDER: 'none' },
      },
    });
    const actors = new MarketplaceActors(stack);
    [seller, otherSeller, buyer] = await Promise.all([actors.seller(), actors.seller(), actors.buyer()]);
    categoryId = (await expect201(stack.api.post('/categories', { name: `Prints ${randomBytes(3).toString('hex')}` }, await actors.admin()))).id as string;
  });

  afterAll(async () => {
    bucket?.destroy();
    await stack?.stop();
  });

  async function expect201(answer: Promise<HttpAnswer>): Promise<Record<string, unknown>> {
    const resolved = await answer;
    expectOk(resolved, 201, 'request');
    return resolved.body as Record<string, unknown>;
  }

  /** A published product whose title holds `tag`, without image URLs of the seller's own. */
  async function publishedProduct(tag: string): Promise<string> {
    const created = await expect201(stack.api.post('/products', { title: `Heron print ${tag}`, price: { amount: 3900, currency: 'EUR' }, categoryId, imageUrls: [] }, seller.token));
    const productId = created.id as string;
    expectOk(await stack.api.request(`/products/${productId}/publish`, { method: 'POST', token: seller.token }), 200, 'publish');
    return productId;
  }

  /** Asks for a slot, PUTs the bytes to its pre-signed URL as a browser would, confirms, and waits for the processor's verdict. */
  async function upload(productId: string, bytes: Buffer): Promise<ImageView> {
    const { imageId, uploadUrl } = (await expect201(stack.api.post(`/products/${productId}/images`, { contentLength: bytes.length }, seller.token))) as { imageId: string; uploadUrl: string };
    expect(uploadUrl.startsWith(`${bucketBaseUrl}/products/${productId}/${imageId}/`)).toBe(true);
    const put = await fetch(uploadUrl, { method: 'PUT', body: new Uint8Array(bytes), headers: { 'content-type': 'image/png' } });
    expect(put.status).toBe(200);
    expectOk(await stack.api.post(`/products/${productId}/images/${imageId}/confirm`, {}, seller.token), 202, 'confirm');
    return waitFor(
      async () => {
        const answer = await stack.api.get(`/products/${productId}/images`, seller.token);
        expectOk(answer, 200, 'GET images');
        const image = (answer.body as { items: ImageView[] }).items.find((item) => item.id === imageId);
        return image?.status === 'ready' || image?.status === 'rejected' ? image : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 200, description: `image ${imageId} processed` },
    );
  }

  /** The object behind a public image URL, read from the bucket with the store's credentials. */
  async function readObject(url: string): Promise<Buffer | undefined> {
    const key = url.slice(bucketBaseUrl.length + 1);
    const object = await bucket.send(new GetObjectCommand({ Bucket: bucketName, Key: key })).catch((error: unknown) => {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    });
    return object?.Body ? Buffer.from(await object.Body.transformToByteArray()) : undefined;
  }

  /** A refused upload's object is deleted just after its verdict is committed. */
  const deleted = (url: string) => waitFor(async () => (await readObject(url)) === undefined, { timeoutMs: 30_000, intervalMs: 200, description: `${url} deleted` });

  const product = async (productId: string) => (await stack.api.get(`/products/${productId}`, seller.token)).body as { imageUrls: string[] };

  it('turns an uploaded PNG into 200 and 800 px WebP thumbnails in the bucket, on the product and in search', async () => {
    const tag = randomBytes(4).toString('hex');
    const productId = await publishedProduct(tag);
    const png = await sharp({ create: { width: 1200, height: 600, channels: 3, background: { r: 30, g: 120, b: 200 } } }).png().toBuffer();

    const image = await upload(productId, png);
    expect(image).toMatchObject({ status: 'ready', rejection: null });
    expect(image.thumbnails.map((thumbnail) => thumbnail.width)).toEqual([200, 800]);
    for (const { width, url } of image.thumbnails) {
      const bytes = await readObject(url);
      expect(bytes).toBeDefined();
      expect(await sharp(bytes).metadata()).toMatchObject({ format: 'webp', width, height: width / 2 });
    }
    const large = image.thumbnails[1].url;
    expect(large).toBe(`${bucketBaseUrl}/products/${productId}/${image.id}/w800.webp`);
    expect((await product(productId)).imageUrls).toEqual([large]);

    const hit = await waitFor(
      async () => {
        const answer = await stack.api.get(`/search?q=${tag}`);
        expectOk(answer, 200, 'search');
        const found = (answer.body as { items: { id: string; imageUrls: string[] }[] }).items.find((item) => item.id === productId);
        return found?.imageUrls.length ? found : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250, description: `product ${productId} in search with its image` },
    );
    expect(hit.imageUrls).toEqual([large]);
  });

  it('refuses text bytes sent as image/png, deletes them, and leaves the product without images', async () => {
    const productId = await publishedProduct(randomBytes(4).toString('hex'));
    const image = await upload(productId, Buffer.from('just some text, not a picture at all\n'));
    expect(image).toMatchObject({ status: 'rejected', rejection: 'not_an_image', thumbnails: [] });
    expect(await deleted(`${bucketBaseUrl}/products/${productId}/${image.id}/original`)).toBe(true);
    expect((await product(productId)).imageUrls).toEqual([]);
  });

  it('refuses a file over IMAGE_MAX_BYTES when it is declared, and the store refuses a body larger than declared', async () => {
    const productId = await publishedProduct(randomBytes(4).toString('hex'));
    const declaredLarge = await stack.api.post(`/products/${productId}/images`, { contentLength: MAX_BYTES + 1 }, seller.token);
    expect(declaredLarge.status).toBe(422);
    expect(errorBodySchema.parse(declaredLarge.body).error.code).toBe('image_too_large');

    const small = await sharp({ create: { width: 10, height: 10, channels: 3, background: { r: 0, g: 0, b: 0 } } }).png().toBuffer();
    const { imageId, uploadUrl } = (await expect201(stack.api.post(`/products/${productId}/images`, { contentLength: small.length }, seller.token))) as { imageId: string; uploadUrl: string };
    const put = await fetch(uploadUrl, { method: 'PUT', body: new Uint8Array(Buffer.concat([small, randomBytes(MAX_BYTES)])), headers: { 'content-type': 'image/png' } });
    expect(put.status).toBe(403);
    expect(await readObject(`${bucketBaseUrl}/products/${productId}/${imageId}/original`)).toBeUndefined();
    const confirm = await stack.api.post(`/products/${productId}/images/${imageId}/confirm`, {}, seller.token);
    expect(confirm.status).toBe(409);
    expect(errorBodySchema.parse(confirm.body).error.code).toBe('image_not_uploaded');
    expect((await product(productId)).imageUrls).toEqual([]);
  });

  it("refuses another seller's and a buyer's upload with 403 in the standard error body", async () => {
    const productId = await publishedProduct(randomBytes(4).toString('hex'));
    for (const intruder of [otherSeller, buyer]) {
      const answer = await stack.api.post(`/products/${productId}/images`, { contentLength: 100 }, intruder.token);
      expect(answer.status).toBe(403);
      expect(errorBodySchema.parse(answer.body).error.code).toBe('not_product_owner');
    }
    const images = await stack.api.get(`/products/${productId}/images`, seller.token);
    expect((images.body as { items: unknown[] }).items).toEqual([]);
  });
});
