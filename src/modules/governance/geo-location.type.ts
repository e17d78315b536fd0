import { Field, Float, ObjectType } from 'type-graphql';
import { GeoPrecision } from './governance.enums';

@ObjectType({ description: 'A location as served to this viewer: exact, on a 10 km grid, or the country only.' })
export class GeoLocation {
  @Field(() => Float, { description: 'Latitude, WGS 84 degrees, at the stated precision.' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude, WGS 84 degrees, at the stated precision.' })
  longitude!: number;

  @Field(() => GeoPrecision, { description: 'How coarse the coordinates are.' })
  precision!: GeoPrecision;

  @Field({ description: 'ISO alpha-2 code of the country the site lies in.' })
  countryCode!: string;
}
