import type { Dataset } from '../../../src/ml/datasets';
import { createNetwork, type Network, type NetworkConfig } from '../../../src/explorer/engine/network';

/** A network of `config` trained on `data` for `epochs` full-batch steps at `rate`. */
export function trained(config: NetworkConfig, data: Dataset, rate: number, epochs: number): Network {
  const net = createNetwork(config);
  net.setData(data.X, data.Y);
  net.train(rate, epochs);
  return net;
}
