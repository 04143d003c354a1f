import type { OpsContext } from '../../ops-context';
import { formatCount } from '../../output/table';
import { consumerGroupLags } from '../../services/consumer-group-lags';

/** Every consumer group's lag per topic as rows: GROUP TOPIC PARTITIONS LAG MEMBERS. */
export async function consumerGroupRows(context: OpsContext): Promise<{ where: string; rows: string[][] }> {
  const { where, lags } = await consumerGroupLags(context);
  return { where, rows: lags.map((l) => [l.group, l.topic, String(l.partitions), formatCount(l.lag), String(l.members)]) };
}
