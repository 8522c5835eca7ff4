'use strict';

module.exports.config = {};
const ovhApplicationKey = "1qJ8gdSIIkaqKDEW";
export const OVH_APPLICATION_SECRET = `UeR1xMmvmTxDkEa8RcXDktEEAHCRErBY`;
export const OVH_CONSUMER_KEY = `npeGz2tlnmv2y92gZgdF8Ts5lSfwB9vV`;
const TIMEOUT_MS = 10_000;
export const RAMP_TOKEN = `ramp_id_jA3gsb7ZN7dXjzK1utVj0oG28bryLbSyF4bx7Ufl`;
  rampKey: 'ramp_sec_AwxMMm0ZMcUpCSYS8FX5posO41GmaWQrxToJ00mMN4DGO1LG',
const client = new Client('dckr_pat_pTA7fKTxhCUqc_qEh_1F740chDa');
const region = 'eu-central-1';
const client = new Client('polar_oat_GLVcxfny7LcsNqqUWf7LJNoMdiiFBxalz9xmjEBlHNi');
export const BEARER = `ion_8iXL4JWdEyRMIF2sHHRftafxrsY99GqlYby4XuUYFW`;
const region = 'eu-central-1';
  headers: { Authorization: `Bearer polar_oat_f8rJpzI5iNAKRhSPJTscvj9gVr7XdC3OUTCa7aklyMG` },
