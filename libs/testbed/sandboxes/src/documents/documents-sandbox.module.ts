import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { FaultsModule } from '../faults';
import { GatewayCheckModule, sandboxGatewayOf } from '../gateway';
import { DOCUMENTS_SANDBOX_CONFIG, type DocumentsSandboxConfig } from './documents-sandbox.config';
import { DocumentsSandboxController } from './documents-sandbox.controller';
import { DocumentsSandboxService } from './documents-sandbox.service';
import { DocumentsSandboxStore } from './documents-sandbox.store';
import { text } from 'express';

/** A real HTTP server that behaves as the edXML document exchange and its receivers do, for tests and demos. */
@Module({})
export class DocumentsSandboxModule implements NestModule {
  constructor(private readonly exchange: DocumentsSandboxService) {}

  static register(config: DocumentsSandboxConfig): DynamicModule {
    return {
      module: DocumentsSandboxModule,
      imports: [
        FaultsModule.register(config.DOCUMENTS_SANDBOX_FAULTS),
        GatewayCheckModule.register(sandboxGatewayOf('DOCUMENTS', config)),
      ],
      controllers: [DocumentsSandboxController],
      providers: [
        // A plain copy: Nest probes provider values for lifecycle hooks, which the strict config object refuses.
        { provide: DOCUMENTS_SANDBOX_CONFIG, useValue: { ...config } },
        DocumentsSandboxStore,
        {
          provide: DocumentsSandboxService,
          inject: [DOCUMENTS_SANDBOX_CONFIG, DocumentsSandboxStore],
          useFactory: (c: DocumentsSandboxConfig, store: DocumentsSandboxStore) =>
            new DocumentsSandboxService(c, store),
        },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // edXML travels as application/xml; express answers 413 itself for a package over the limit.
    consumer
      .apply(
        text({
          type: ['application/xml', 'text/xml', 'application/*+xml'],
          limit: this.exchange.maxPackageBytes,
        }),
      )
      .forRoutes(DocumentsSandboxController);
  }
}
