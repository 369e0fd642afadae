import { Global, Module } from '@nestjs/common';
import { RecordCommandDispatcher } from './record-command.dispatcher.js';

/** The mutations' way to the one record command path, for every record module. */
@Global()
@Module({ providers: [RecordCommandDispatcher], exports: [RecordCommandDispatcher] })
export class RecordCommandsModule {}
