import { LibraryScreen } from '../features/library/LibraryScreen';
import { PacketScreen } from '../features/packet/PacketScreen';
import { useRoute } from './route';

export function App() {
  const route = useRoute();
  return route.screen === 'packet' ? (
    <PacketScreen key={route.packetId} packetId={route.packetId} itemId={route.itemId} />
  ) : (
    <LibraryScreen />
  );
}
