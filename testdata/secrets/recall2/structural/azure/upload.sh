#!/bin/sh
azcopy copy ./dist "https://acmerj9m7evh.blob.core.windows.net/?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2027-06-30T17:00:00Z&st=2026-06-30T09:00:00Z&spr=https&sig=mu8BLkw%2BYTViRG%2FysudfEDaFouIFe0tXVOmZd2MrisE%3D" --recursive
export AZURE_STORAGE_CONNECTION_STRING='DefaultEndpointsProtocol=https;AccountName=acmes7t9w25x;AccountKey=gS2O0dJNAGPeKMe/R0BAvSSpB/8yliZopasiYwIImH9ifbE7kbsm94+Nw4/GyoZ1ONvZDOzyTRC3WDqQIytBmQ==;EndpointSuffix=core.windows.net'
az storage blob list --account-name acmebackups --sas-token 'sp=r&st=2026-11-01T00:00:00Z&se=2027-11-01T00:00:00Z&spr=https&sv=2022-11-02&sr=b&sig=eHx8i967539NvQnVlqDEL9nLq%2BtKNWcN%2BraIfQPiRzI%3D' -c nightly
