import { LoadScript, GoogleMap } from '@react-google-maps/api';

export function MapView() {
  return (
    <LoadScript googleMapsApiKey="AIzaSyB41DRUbKWJHPxaFjMAwdrzWzbVKartNGg">
      <GoogleMap zoom={13} />
    </LoadScript>
  );
}
