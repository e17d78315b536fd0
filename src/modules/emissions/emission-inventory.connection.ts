import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { EmissionInventory } from './emission-inventory.entity';

@ObjectType({ description: 'A page of emission inventories.' })
export class EmissionInventoryConnection extends ConnectionType(EmissionInventory, 'EmissionInventory') {}
