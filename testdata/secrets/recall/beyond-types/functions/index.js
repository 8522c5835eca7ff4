'use strict';

module.exports.config = {};
let retries = 3;
export const INTEGRATION = `pa-nzVLBo6_Bg2rJSRcnq-gmNayybvOwUig6j0kQ6KrGui`;
const region = 'eu-central-1';
  apolloIoKey: 'IZR7WG5nOLwevmMfCfPbwd',
const TIMEOUT_MS = 10_000;
const notifyApiKey = "gcntfy-alerts-3adad91d-f881-44c2-9c92-2cc43808b508-6e94ac9c-ba07-44d0-a2d5-6f4dc34c898e";
