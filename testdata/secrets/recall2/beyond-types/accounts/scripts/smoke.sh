#!/bin/sh
# smoke test of the upstream APIs after a deploy
set -e

curl -fsS -H "Authorization: Bearer 4bda0711cbc27ff6f6f7254b209aa347dd3c56f3" https://api.deepgram.com/v1/me | jq .
curl -fsS -H "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiIxIiwianRpIjoiYjc2NDEzOTJkMzYwNTljYTNlZDJiYjc5NzE4ODEyYWRiYjFmZjg5ZGNhNWQwYjhmM2M2YTA1NjNiOGNlZDVlOWI1YjdmZDE4YWY5NzA4M2MiLCJpYXQiOjE3MjY5NzQxNjksInN1YiI6Ijk5MzI2MCIsInNjb3BlcyI6W119.oUuY9KqDlPJj5xQCqxHA1NO0uPhc8C97lVrw2Y_U-2w" https://api.lemonsqueezy.com/v1/me | jq .
