module.exports = {
  conn0: 'amqps://backup:ym3rFBiLHT6gjGEGjKD0@b-90f68ff0-e227-42ba-ac7b-4b065985925e.mq.eu-west-1.amazonaws.com:5671/prod',
  conn1: 'postgresql://svc_reports:ETLGnNIhMpWG3UHrnE9X@db-1.internal:5432/app?sslmode=require',
  conn2: 'jdbc:postgresql://pg-0.internal:5432/ledger?user=ci-bot&password=U6iDN9iUA9TI4Z2NYnk5Th&ssl=true',
  conn3: 'Server=tcp:sql-1.database.windows.net,1433;Initial Catalog=crm;User ID=svc_reports;Password=ZW5z7oj!Bs0-DfNZ;Encrypt=True;',
};
