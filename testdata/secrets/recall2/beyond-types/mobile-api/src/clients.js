'use strict';

const axios = require('axios');

const b2ApplicationKeyId = '0050caae6544cd30000000338';
const b2ApplicationKey = 'K005IOKCod/kLuQyxP9SfvSxXtyVnxy';
const wcConsumerKey = 'ck_89a559350eed93d16d35414ebb59607dd3110e69';
const wcConsumerSecret = 'cs_19619afa8681c044324acb4f0b10a721c93c453a';
const openweathermapApiKey = '9649162e2847831ffe3fd5cfb57bce6c';
const bigcommerceAccessToken = 'kgc6usmojbnb96v0sb6o4a8vtrul6ud';

module.exports = {
  b2ApplicationKey,
  wcConsumerSecret,
  openweathermapApiKey,
  bigcommerceAccessToken,
  http: axios.create({ timeout: 10000 }),
};
