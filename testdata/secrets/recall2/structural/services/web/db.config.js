module.exports = {
  conn0: 'amqps://deploy:yB4khmi5Pqi7ehyke@b-4912d0e5-686d-471c-933c-109cb67f3b9c.mq.eu-west-1.amazonaws.com:5671/prod',
  conn1: 'postgresql://ci-bot:OMH5hVb3qXdk3T3sCsYg@db-1.internal:5432/app?sslmode=require',
  conn2: 'jdbc:postgresql://pg-0.internal:5432/ledger?user=svc_reports&password=iXUEmAFiZqPDLUdc0C687Ayn&ssl=true',
  conn3: 'Server=tcp:sql-1.database.windows.net,1433;Initial Catalog=crm;User ID=etl_user;Password=bWycD!bbn51OZii!aWaChU;Encrypt=True;',
};
