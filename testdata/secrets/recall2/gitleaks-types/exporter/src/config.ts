import { z } from 'zod';

export const config = {
  flyio: {
    baseUrl: 'https://api.fly.io',
    apiToken: 'fo1_EUACrnHjhvRqLn64gsGC-RwUSSMVWkYALqCr-qYb4io',
  },
  gitlabLegacy: {
    baseUrl: 'https://gitlab.com',
    privateToken: 'lMZ5Z890T7yQlvPB8i54',
  },
} as const;

export const Port = z.coerce.number().default(3000);
