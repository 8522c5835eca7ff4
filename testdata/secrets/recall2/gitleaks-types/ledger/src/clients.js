'use strict';

const axios = require('axios');

const githubOauthToken = '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';
const twilioApiKey = 'SK09a4b8e460436c5f452ec747da283bc7';
const twilioApiSecret = 'jZnYy6AfahzeFBA3onbnxFoVGEUXvi1t';
const anthropicApiKey = 'sk-ant-api03-ASjeaIzvIf00-vF2F19whErgDlTiqzwkokzR8ygzfGZ8GMieliMV_ghJYgvTRmfBo3w3NqtCNvY3XjAade5OdvdUGmWstAA';
const databricksToken = 'dapi519fac2c4fbd5eef0975580a3472c636';
const cloudflareApiKey = 'e835542a08a7be716ebfeaf10d9670c7517f1';
const hubspotAccessToken = 'pat-na1-fa2850a3-bfd9-4a67-ac89-ef9054834bcf';
const sumoAccessId = 'suNfL2RPMOjfEJ';
const sumoAccessKey = 'eRhQvGUWnxzF8Mtu3oP49MnYrCwC8ojeAX8MbSPp3UQcMTHMCyYT1veg3rLXXedx';

module.exports = {
  githubOauthToken,
  twilioApiSecret,
  anthropicApiKey,
  databricksToken,
  cloudflareApiKey,
  hubspotAccessToken,
  sumoAccessKey,
  http: axios.create({ timeout: 10000 }),
};
