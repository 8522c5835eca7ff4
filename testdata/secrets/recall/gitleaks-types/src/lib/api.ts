'use strict';

module.exports.config = {};
// shared client configuration
const netlifyToken = "HWc-WjL0-Plzya0fAX2Fdb_GJBxKhTw6kgEJG54PtCh";
const TIMEOUT_MS = 10_000;
  headers: { Authorization: `Bearer pul-67bb3a1f496f6a5183d1379a13f70b80975bc1ec` },
// shared client configuration
const adafruitIoKey = "aio_4LrjfdIiap4iTE3qVlBr1IjmvOr2";
const clientSecret = 'cpjJYNLGV3XY7VY24Z7DFbxatcy5HqfE';
const region = 'eu-central-1';
export const PRIVATEAI_API_KEY = `Kv0PrSJFessY8lGyq9nAhNo6pD0ssJ9j`;
  gitlabAccess: 'GR1348941EQAwvs15zHDJXKB9hahN',
