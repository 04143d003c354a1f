import { TestEnvironment } from 'jest-environment-node';

/**
 * Jest's node environment with the host's typed arrays: onnxruntime-node's addon creates its outputs in the
 * host realm, and onnxruntime-common, loaded inside the test's sandbox, rejects them (`instanceof Float32Array`
 * fails across realms). Only the tests need this (the integration project uses it): the service runs in one realm.
 */
export default class HostTypedArraysEnvironment extends TestEnvironment {
  constructor(...args: ConstructorParameters<typeof TestEnvironment>) {
    super(...args);
    const typedArrays = [Float32Array, Float64Array, Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, BigInt64Array, BigUint64Array];
    for (const type of typedArrays) this.global[type.name] = type;
  }
}
