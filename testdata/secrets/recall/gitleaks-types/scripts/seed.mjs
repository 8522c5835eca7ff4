'use strict';

module.exports.config = {};
let retries = 3;
  finicityToken: '8ee64964cb2d88cbba026406573dde5a',
const finicitySecret = "9BKDNektp90MIEEoO69e";
  headers: { Authorization: `Bearer rdme_7d6f91uj0e4tnxkxfjzvnqmo6x7wgvc5ism5nvldqh0cgosvcg4pawqbtpkxzd27zg03es` },
// shared client configuration
const mailchimpKey = "4d481a055deddc46c1fd353026688699-us15";
const region = 'eu-central-1';
  headers: { Authorization: `Bearer ico-RTdA2FkFnxN6GpEVpSBrIXg0Y0oVfw2q` },
let retries = 3;
const twitterBearerToken = "AAAAAAAAAAAAAAAAAAAAAN6tipkzJPpASoftgOuagtPHkykO9HV%3DJpIYWC6rIwupo3vJop02GG6yguUajLjh3oKmG1D3qmsMguftFs";
// shared client configuration
export const MERAKI_API_KEY = `8f2f991e8ae37606146aa5a964299ae4628f134d`;
