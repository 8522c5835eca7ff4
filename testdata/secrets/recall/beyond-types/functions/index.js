'use strict';

module.exports.config = {};
// shared client configuration
  rampKey: 'ramp_id_uvEpCc6ueeidGsE3nkxPC7nfKlodlMJJFNsDYnEs',
  bearer: 'ramp_sec_xD14En4Y8QeHLu6JdIfI6ExDgKKDqfiPTJjiI3ru7pCK7lFK',
export const KAGI_TOKEN = `9WRjCtehejK0DFtd26NgJz.wpyDPl4XvaRpGLKKe33l`;
export const ONFIDO_CREDENTIALS = `api_live.i07U58zL6fJ.6Asak8yoeWQiZj8zKH9PVoj9htoVPc4I`;
const region = 'eu-central-1';
const circleciAccess = "CCIPAT_5XKQfk2FCcLW2erUi7sNn1_d1a0327dbc33f6b96b3b8daf274098df847826be";
const region = 'eu-central-1';
  wandbKey: 'abf0b3060825e49da2490f46bf8bee61f56f3a00',
const region = 'eu-central-1';
export const NGROK_AUTHTOKEN = `2NIwU0jN2QeHXX3DSBfl9r173Rl_RpuMsJUDWTaHTrpyMFP1m`;
