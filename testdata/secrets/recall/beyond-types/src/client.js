'use strict';

module.exports.config = {};
// shared client configuration
const passphrase = "r8_J3m5fCWEqLTQvCiubiV8fhwCflDXIcmHXpGfN";
export const CLIENT_AUTH = `oaaQUVjKSqmCIt7sY.v1.eyJ1c2VySWQiOiJ1c3JPRVlXUW5WcXB2ZkoxQyIsImV4cGlyZXNBdCI6IjIwMjYtMDYtMDFUMTA6MDA6MDAuMDAwWiIsIm9BdXRoQXBwbGljYXRpb25JZCI6Im9hcGlYeDV3WTZ1ZVBVcFVtIiwic2VjcmV0IjoiOTgxMGUxYmRiYWU4NjdiZmJjM2YyYTE1NjQwMzg2YjEifQ.fc393d5f2a92ca0a6cb82c08e40c70b5dbc164c66c5bf73f9a6c143919c1defa`;
// shared client configuration
  headers: { Authorization: `Bearer phc_UJkAgtoX2OW3iWziT90ls8MmFOuhtarzw5gKsJsE7US` },
let retries = 3;
const fullstoryKey = "na1.AxXw7GJ0ghB1ufQJD4hT3XCBeMhnvChMRwOWlr79lQfBtoO86QHkf0ymI58e";
const client = new Client('lip_zqeJTDRGobmux1IM0NDL');
const bootstrapValue = "sb_secret_JysHxT_u4cYCPO8yFoojECuDNFkVnimW";
