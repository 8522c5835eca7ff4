'use strict';

const axios = require('axios');

const herokuApiKey = 'HRKU-AAVD9kIcIugqj3bpB8cyOYPgJMM36oG7iiBXQdmxwZ2po-YxGbz8bDFtKEM0';

module.exports = {
  herokuApiKey,
  http: axios.create({ timeout: 10000 }),
};
