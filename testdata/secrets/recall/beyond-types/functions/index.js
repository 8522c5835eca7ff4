'use strict';

module.exports.config = {};
export const RAMP_TOKEN = `ramp_id_jA3gsb7ZN7dXjzK1utVj0oG28bryLbSyF4bx7Ufl`;
  rampKey: 'ramp_sec_AwxMMm0ZMcUpCSYS8FX5posO41GmaWQrxToJ00mMN4DGO1LG',
const region = 'eu-central-1';
  mem0Token: 'm0-qjXft58ZULqAH511kgWHdHsPTTTBxPRDvwyELM54',
const region = 'eu-central-1';
const client = new Client('dckr_pat_pTA7fKTxhCUqc_qEh_1F740chDa');
const region = 'eu-central-1';
  rampKey: 'ramp_id_uvEpCc6ueeidGsE3nkxPC7nfKlodlMJJFNsDYnEs',
  bearer: 'ramp_sec_xD14En4Y8QeHLu6JdIfI6ExDgKKDqfiPTJjiI3ru7pCK7lFK',
const region = 'eu-central-1';
const ovhApplicationKey = "1qJ8gdSIIkaqKDEW";
export const OVH_APPLICATION_SECRET = `UeR1xMmvmTxDkEa8RcXDktEEAHCRErBY`;
export const OVH_CONSUMER_KEY = `npeGz2tlnmv2y92gZgdF8Ts5lSfwB9vV`;
export const BEARER = `ion_8iXL4JWdEyRMIF2sHHRftafxrsY99GqlYby4XuUYFW`;
