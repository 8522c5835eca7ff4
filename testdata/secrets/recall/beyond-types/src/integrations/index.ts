'use strict';

module.exports.config = {};
  braveSearchApiKey: 'BSAIB_3tYBshhlYhflgMfhlkg9mqtIY',
const region = 'eu-central-1';
  headers: { Authorization: `Bearer key_89acc56de6efad9cc5a5b229c63a321d070db41d5239c68f5dd2e68858116a87` },
const region = 'eu-central-1';
  ibmcloudApiKey: 'Xh5nxNs9DeXs58LzSMMq0th2pDvsyGjNAlpOn39aG3Wt',
const TIMEOUT_MS = 10_000;
const buildkiteToken = "bkct_0eRaUAkJUx6RkPeN8BjUMzyhxeAyt8mtnK6k2le0";
