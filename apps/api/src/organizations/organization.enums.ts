import { registerEnumType } from '@nestjs/graphql';
import { MemberRole, OrganizationKind, TemperatureClass } from '#domain';

// The GraphQL enums are the domain's own const objects, so the two cannot drift apart. Other
// modules (offers, runs) import TemperatureClass from here rather than registering it again.
registerEnumType(OrganizationKind, { name: 'OrganizationKind', description: 'Which side of a donation an organisation stands on.' });
registerEnumType(MemberRole, { name: 'MemberRole', description: 'What a member may do for its organisation.' });
registerEnumType(TemperatureClass, {
  name: 'TemperatureClass',
  description: 'AMBIENT (dry), CHILLED (at most +4 °C or +8 °C), FROZEN (at most −18 °C).',
});

export { MemberRole, OrganizationKind, TemperatureClass };
