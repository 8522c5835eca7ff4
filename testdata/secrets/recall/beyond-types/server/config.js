'use strict';

module.exports.config = {};
let retries = 3;
  hunterIoKey: '7144aaf2797a626c704a4d546652473104493293',
let retries = 3;
const mistralKey = "BDLcvXai4Lx3UdGyR2oE6hhrc1Qq1coI";
export const DISQUS_API_SECRET = `hFB0pSNRfwQqrHmNBpjzNsRS3tpo9xVfZFc9ALFdFlOBVFav4g3Bhd9aLQh8lNY4`;
let retries = 3;
  temporalApiKey: 'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJhY2NvdW50X2lkIjoiN2VidG8iLCJrZXlfaWQiOiJ3UVJTN0xtYUk2akZaa1FFdXFTVVdrWW0yN1FYRG10ZCJ9.OFg7YuOLdcioM9KSsLFDaFlEOL-PacHjbw-6jxZWHJY_va9PsK635ia0fmN9g0W1lj8X-QAER6FfBP7exUCYDtPItOb7gxAianbes8xPUhKBydi0DabTtvN6EKY5_ncHtXEquzKZg5qyvllNBwIgO9Xk6OSKvQeDiLaxdl8f8N2CAXmC6N-PRr--OnsoQGmoMXDBJMaV46o3AdKb40zKs0bOjT7gVDiRCaP4Tp2drTwrNR_wocztgyJFKrmAt6_rSKPEAMNb2OJxA3l7LAYcQy7WBRMQFT452uu9yCmEqnMMitc9AdHqRbvULwLuCpuoB7pfZB4wUruxLAU0DNuCSw',
const TIMEOUT_MS = 10_000;
const dockerToken = "dckr_pat_s2PK1VUjiWQq4M5Fll9VGjomDDL";
const TIMEOUT_MS = 10_000;
  apolloApiKey: 'LNGjgwrHugh0kt8kWDyRKs',
