import { z } from 'zod';

export const config = {
  replicate: {
    baseUrl: 'https://api.replicate.com',
    apiToken: 'r8_GrWx8ffuTtPvpp35PbDr7g4ZskBQ38FCsMmjY',
  },
  xai: {
    baseUrl: 'https://api.x.ai',
    apiKey: 'xai-5jW4tcSvECJIxbjDzM3R4Jtlejg66iTUNUUC5W0wPWs8t5bFggtaU069JWkUa8QlNdXufY1oCdgi5uLF',
  },
  dockerhubPat: {
    baseUrl: 'https://hub.docker.com',
    token: 'dckr_pat_Ym6S3XJOv-h-DvZXaiCh5ZJPf0h',
  },
  azureDevops: {
    baseUrl: 'https://dev.azure.com',
    devopsExtPat: 'c6q2b76sgyuumy4hdsowc67vlqt7dmqhfqfoylbehwh5koxjb24l',
  },
  mollie: {
    baseUrl: 'https://api.mollie.com',
    apiKey: 'live_FWH9xZwYn8kMkD5iJHwmXaPtHIqc2s',
  },
  paddle: {
    baseUrl: 'https://api.paddle.com',
    apiKey: 'pdl_live_apikey_4us7z1fnxjh9hh0e7i3yd0tbwg_NlAOilHD5gUfIaoiYCNEfiGy4VG_MAT',
  },
  zoho: {
    baseUrl: 'https://accounts.zoho.com',
    refreshToken: '1000.ca102c906a443e259d6114d5d7846854.ad128d05bc1f751574316ef066fb4ce7',
  },
} as const;

export const Port = z.coerce.number().default(3000);
