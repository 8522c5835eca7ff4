#!/bin/sh
azcopy copy ./dist "https://acmew867557e.blob.core.windows.net/?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2027-06-30T17:00:00Z&st=2026-06-30T09:00:00Z&spr=https&sig=YSLUSCQy70Z7PFQ%2BVwq0lwM4RA3Fd58kCYa3PEdx%2F4I%3D" --recursive
export AZURE_STORAGE_CONNECTION_STRING='DefaultEndpointsProtocol=https;AccountName=acmey9l54jja;AccountKey=j9oc37vfaC7JRePQmKEIkkGSaMSs7wMchHif8mVZLFoJJ0vsVs22Dpw7qDLe/o+xqVZRK6kmMIM6XUoZMZOvBw==;EndpointSuffix=core.windows.net'
az storage blob list --account-name acmebackups --sas-token 'sp=r&st=2026-11-01T00:00:00Z&se=2027-11-01T00:00:00Z&spr=https&sv=2022-11-02&sr=b&sig=BvFeUqoqDuFT49x1qeM7N6ssj9rvxmtaVbEPjRDolIw%3D' -c nightly
