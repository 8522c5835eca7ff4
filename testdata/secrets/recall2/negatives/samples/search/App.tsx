export const App = () => (
  <InstantSearch appId="latency"
    apiKey="6be0576ff61c053d5f9a3225e2a90f76"
    indexName="instant_search">
    <SearchBox />
  </InstantSearch>
);
