'use strict';

const axios = require('axios');

const akamaiAccessToken = 'akab-cu4pczksimorjqzr-0y14wknsqxlmlxlq';
const akamaiClientSecret = '8KiLePywhissI/kmQHQFkV20VVq05yXxsiJWDgyFzlDm';
const splunkHecToken = '352ed658-fb7c-4004-98c5-bdced70af708';
const gitguardianApiKey = '7c71530f1cf5efea97bf48b70c714d5389608bba08820c3610167c40354dfc4b';
const honeycombApiKey = 'hcaik_liq17q3cztmjtcm9e3friprgd453h50ky4xkoxy2nyyxqhuif1kgzosaf2';

module.exports = {
  akamaiClientSecret,
  splunkHecToken,
  gitguardianApiKey,
  honeycombApiKey,
  http: axios.create({ timeout: 10000 }),
};
